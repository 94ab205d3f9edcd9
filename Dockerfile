# The publishing service in a container (docs/operations.md):
#   docker build -t tanketanken .
#   docker run -p 4321:4321 -v tanketanken-state:/app/state \
#     -e SANITY_PROJECT_ID=… -e SANITY_WEBHOOK_SECRET=… -e SITE_URL=https://… tanketanken
# The image holds the build tools as well: the service rebuilds the site itself.

FROM node:24-bookworm-slim AS deps
WORKDIR /app
# The lockfile alone decides what is installed; the layer is reused until it changes.
COPY package.json package-lock.json ./
COPY studio/package.json studio/
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV ASTRO_TELEMETRY_DISABLED=1
# A first build of the embedded dataset, so the container serves at once; with a Sanity
# project the service builds from it on start and on every publish.
RUN npm run build

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    ASTRO_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=4321 \
    SERVICE_STATE_DIR=/app/state
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /app/state && chown node:node /app/state
USER node
VOLUME ["/app/state"]
EXPOSE 4321
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4321) + '/api/status').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "scripts/serve.ts", "--build"]
