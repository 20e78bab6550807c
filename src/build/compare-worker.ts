/**
 * A worker thread of compare-stories.ts: compares each story it is sent and answers with the comparison,
 * serialised (node:v8) so the build can store and hash it without serialising it again; or with the error
 * message, which names the story or the file at fault.
 */
import { serialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { compareStory } from '../pipeline/compare-story.ts';
import type { StoryInput } from '../pipeline/types.ts';
import { loadWordVectors } from './word-vectors-file.ts';

export interface CompareRequest {
  index: number;
  input: StoryInput;
}

export type CompareReply = { index: number; bytes: Uint8Array } | { index: number; error: string };

parentPort?.on('message', ({ index, input }: CompareRequest) => {
  let reply: CompareReply;
  try {
    reply = { index, bytes: serialize(compareStory(input, { vectors: loadWordVectors() })) };
  } catch (error) {
    reply = { index, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply, 'bytes' in reply ? [reply.bytes.buffer as ArrayBuffer] : []);
});
