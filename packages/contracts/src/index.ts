export * from './generated/artifacts.js';
export { type ChainLink, chainAt, confirmed, linkChain, LOCAL_DEV_MNEMONIC, localDevAccount } from './chain-link.js';
export { type ChainAddresses, DEFAULTS, type DeployOptions, deployContracts, LOCAL_DEPLOY } from './deploy.js';
export { anvilBinary, LOCAL_CHAIN_ID, type LocalChain, type LocalChainOptions, startLocalChain } from './local-chain.js';
