import { readStoreContract } from '../read-store.contract.js';
import { MemoryReadStore } from './memory-read-store.js';

readStoreContract('in memory', async () => new MemoryReadStore());
