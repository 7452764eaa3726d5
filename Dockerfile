# The server image: the same build `npm start` runs (server, packages, web app), one process per container.
# Configure it with the environment (docs/OPERATIONS.md); a cluster node needs DATABASE_URL, REDIS_URL and JWT_SECRET.
# The chain: CHAIN=off here (rewards accrue and stay pending). For a real chain set CHAIN=rpc with CHAIN_RPC_URL,
# CHAIN_ADDRESSES_FILE, REWARD_MINTER_PRIVATE_KEY and CHAIN_ID (docs/CHAIN.md). CHAIN=local (a development anvil
# whose keys sit in /data) is refused under NODE_ENV=production unless ALLOW_LOCAL_CHAIN=true.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npm run build && npm run build:web -w apps/app && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data WEB_DIR=/app/apps/app/dist CHAIN=off
COPY --from=build /app /app
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/readyz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "apps/server/dist/main.js"]
