import { describe } from 'vitest';
import { StoreJobs } from '../../src/jobs/index.js';
import { memoryCache } from '../coordination/memory-cache.js';
import { runnerContract } from './runner-contract.js';

describe('StoreJobs: the in-process runner, jobs kept in the store', () => {
  const cache = memoryCache(Date.now);
  runnerContract({
    async open() {
      return new StoreJobs({ cache, onError: () => undefined });
    },
    async kill() {
      // The dead runner's handler never returns (see the contract), so it neither checkpoints nor finishes
      // again; the store keeps what it wrote, and the next runner on the same store reads it.
    },
  });
});
