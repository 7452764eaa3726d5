import { boot } from './src/boot';

boot();
