# Shopwire container image.
#   docker build -t shopwire .
#   docker run -d -p 8080:8080 -v shopwire-data:/data shopwire
# Multi-stage: native addons (better-sqlite3, isolated-vm) are compiled in the build stage; the
# runtime stage gets only production node_modules, package.json files and the built dist/ folders.
ARG NODE_VERSION=22

# ---------------------------------------------------------------- manifests
# Only the files `npm ci` needs, so the dependency layer below is rebuilt only when they change
# (new workspaces are picked up without editing this file).
FROM node:${NODE_VERSION}-bookworm-slim AS manifests
WORKDIR /app
COPY . .
RUN find . -type f ! -name package.json ! -name package-lock.json ! -path './*/*/bin/*' -delete \
 && find . -depth -type d -empty -delete

# ---------------------------------------------------------------- build
FROM node:${NODE_VERSION}-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=manifests /app/ ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund
# Collect what runs: node_modules, every workspace's package.json + dist/ (+ bin/, own node_modules).
# The registry finds built-in node packages by their package.json, so nodes/* keep theirs.
RUN set -eu; mkdir -p /out; \
    cp -a package.json package-lock.json node_modules /out/; \
    for ws in packages/* nodes/* apps/*; do \
      [ -f "$ws/package.json" ] || continue; \
      mkdir -p "/out/$ws"; cp -a "$ws/package.json" "/out/$ws/"; \
      for sub in dist bin node_modules; do if [ -e "$ws/$sub" ]; then cp -a "$ws/$sub" "/out/$ws/"; fi; done; \
    done; \
    if [ -d templates ]; then cp -a templates /out/; fi; \
    find /out/node_modules -xtype l -delete

# ---------------------------------------------------------------- runtime
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    SHOPWIRE_DATA_DIR=/data
WORKDIR /app
COPY --from=build /out/ ./
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 8080
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node","-e","fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
CMD ["node","apps/server/bin/shopwire.js","start"]
