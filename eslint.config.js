import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const SERVER = 'apps/server/src';
/** The server's domain folders (docs/ARCHITECTURE.md, "The domain map"). */
const SERVER_DOMAINS = ['admin', 'anticheat', 'analytics', 'moderation', 'payments', 'kyc', 'auth', 'users', 'friends', 'coins', 'economy', 'ranking', 'records', 'rooms', 'tables', 'realtime', 'wallet', 'cluster'];

/** Which workspace packages each package may import: dependencies point down (engine <- bots <- server). */
const PACKAGE_LAYERS = {
  engine: [],
  protocol: ['engine'],
  bots: ['engine'],
  anticheat: ['engine', 'bots'],
  sdk: ['engine', 'protocol'],
  contracts: [],
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'apps/app/dist-native/**', 'apps/app/.expo/**', 'apps/app/public/**', 'packages/contracts/src/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // The architecture, checked: no import cycles, the platform layer knows no domain, no domain reaches the
    // composition root, and product code never depends on its tests or tooling.
    files: [`${SERVER}/**/*.ts`, 'packages/*/src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['apps/server/tsconfig.json', 'packages/*/tsconfig.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: `${SERVER}/platform`, from: SERVER, except: ['./platform', './config.ts'], message: 'platform is the lowest layer: it knows no domain' },
            {
              target: SERVER_DOMAINS.map((domain) => `${SERVER}/${domain}`),
              from: [`${SERVER}/http/server.ts`, `${SERVER}/http/domains.ts`, `${SERVER}/main.ts`],
              message: 'a domain is wired by the composition root; it never imports it',
            },
            { target: SERVER, from: ['apps/server/test', 'apps/server/tools'], message: 'product code never depends on its tests or tooling' },
            ...SERVER_DOMAINS.map((domain) => ({
              target: [...SERVER_DOMAINS.filter((other) => other !== domain).map((other) => `${SERVER}/${other}`), `${SERVER}/http`],
              from: `${SERVER}/${domain}`,
              except: ['./index.ts'],
              message: `another domain reaches ${domain} only through ${domain}/index.ts`,
            })),
          ],
        },
      ],
    },
  },
  ...Object.entries(PACKAGE_LAYERS).map(([name, allowed]) => ({
    files: [`packages/${name}/src/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: `^@guandan/(?!(${[...allowed, name].join('|')})$)`, message: `${name} may import only ${allowed.join(', ') || 'no other package'}` }] },
      ],
    },
  })),
  {
    // React Native bundles assets through require(); nothing else may use it.
    files: ['apps/app/src/**'],
    rules: { '@typescript-eslint/no-require-imports': ['error', { allow: ['\\.(ttf|png|mp3)$'] }] },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
