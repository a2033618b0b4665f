/** The branded share card drawn by next/og: the front page's and each section's opengraph-image. */
export function BrandCard({ title, subtitle, kicker }: { title: string; subtitle: string; kicker?: string }) {
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "center",
        padding: 80,
        background: "#fdfcf8",
        borderTop: "24px solid #a4231b",
      }}
    >
      {kicker && (
        <div style={{ fontSize: 36, color: "#a4231b", fontWeight: 700, letterSpacing: 4, textTransform: "uppercase" }}>{kicker}</div>
      )}
      <div style={{ fontSize: kicker ? 96 : 84, fontWeight: 700, color: "#161616", marginTop: 16 }}>{title}</div>
      <div style={{ fontSize: 36, color: "#54524c", marginTop: 24 }}>{subtitle}</div>
    </div>
  );
}
