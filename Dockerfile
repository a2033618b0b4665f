# syntax=docker/dockerfile:1
# The Next server of the production topology (compose.yaml runs two of these behind nginx, with
# Redis as the shared cache and PostgreSQL for search; its client, `pg`, is plain JavaScript and
# is traced into the standalone output like every other dependency). See docs/production.md. Node 22: @fortedigital/nextjs-cache-handler
# 3.x supports Node >= 22 (the site itself needs >= 20.9).

FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
# The public origin is baked into canonical URLs, feeds and sitemaps at build time.
ARG SITE_URL=http://localhost:8080
ENV NEXT_TELEMETRY_DISABLED=1 \
    LEDGER_CACHE_HANDLER=redis \
    SITE_URL=${SITE_URL}
# npm run build indexes content/ into the build's own SQLite file (.ledger/, not shipped) to
# prerender; the servers read the shared index in Redis (LEDGER_INDEX in compose.yaml), which the
# content-index service of compose.yaml fills from this stage. No content/ in the server image.
RUN npm run build \
 && cp -r public .next/standalone/public \
 && cp -r .next/static .next/standalone/.next/static

FROM node:22-bookworm-slim AS runner
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:3000/robots.txt').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server.js"]
