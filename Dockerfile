# syntax=docker/dockerfile:1

# --- build: install everything, compile, then drop the dev dependencies -------------------
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build && npm prune --omit=dev

# --- runtime: compiled code and production dependencies only --------------------------------
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production TZ=UTC
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The code stays root-owned (read-only for the app); only the embedded PostgreSQL's default
# data folder is writable, for running the image without DATABASE_URL.
RUN mkdir .data && chown node:node .data
USER node
EXPOSE 3000
# dist/src/cli.js migrate|seed runs the operator commands (see docker-compose.yml).
CMD ["node", "dist/src/main.js"]
