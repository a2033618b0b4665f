import createMDX from "@next/mdx";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  pageExtensions: ["ts", "tsx", "mdx"],
  poweredByHeader: false,
  images: {
    // Phone, tablet and desktop widths of the article column and the cards.
    deviceSizes: [360, 480, 640, 828, 1080, 1280, 1600, 2000],
    imageSizes: [96, 160, 256, 320],
    formats: ["image/avif", "image/webp"],
  },
};

// Plugins are named by string so that Turbopack can pass them to its loader workers.
const withMDX = createMDX({
  options: {
    remarkPlugins: [["remark-frontmatter", ["yaml"]], "remark-gfm"],
  },
});

export default withMDX(nextConfig);
