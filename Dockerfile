# Omni Schedules for Slack: a production image. Build: `docker build -t omni-slack .`; run: see README.md
# ("Running in production"). `build` compiles TypeScript with the dev dependencies; `deps` is the production
# install (`npm ci --omit=dev`); the final image holds only dist/, that install and package.json, as a non-root user.
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# sqlite3 (under @keyv/sqlite) fetches a prebuilt native module at install, or compiles one when none fits: the
# full image has the compiler for that; the slim final image needs none, as it only copies the result.
FROM node:20-bookworm AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY scripts/prestart.mjs ./scripts/prestart.mjs
# SQLite (the default STORE_URL) and the development key live in data/: writable by the app user only.
RUN mkdir -p data && chown node:node data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Node itself as PID 1 (not npm), so that SIGTERM reaches the app and it stops cleanly.
CMD ["node", "dist/main.js"]
