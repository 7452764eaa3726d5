export * from './generated/artifacts.js';
export { type ChainLink, chainAt, confirmed, linkChain } from './chain-link.js';
export { type ChainAddresses, DEFAULTS, type DeployOptions, deployContracts, LOCAL_DEPLOY } from './deploy.js';
export { anvilBinary, LOCAL_CHAIN_ID, type LocalChain, type LocalChainOptions, startLocalChain } from './local-chain.js';
export { mnemonicAccount, newLocalMnemonic } from './local-keys.js';
