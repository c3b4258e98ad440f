/** An error made on the model's thread is, on the command's, the error it was: its class, exit code and fields. */
import { describe, expect, it } from 'vitest';
import { ExitCode, InputError, LagesbildError, UsageError } from '../../src/errors.js';
import { AmbiguousDatesError } from '../../src/ingest/date-order-hold.js';
import { receivedError, sendError } from '../../src/pipeline/thread-errors.js';

/** As a message between threads carries it: a structured clone. */
const across = (error: unknown) => receivedError(structuredClone(sendError(error)));

describe('an error from the model\'s thread', () => {
  it('is an InputError again, with its position, detail and exit code 2', () => {
    const error = across(new InputError({ file: 'x.csv', line: 3, column: 2 }, 'not a date', { cause: new Error('deep') }));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toBeInstanceOf(LagesbildError);
    expect(error).toMatchObject({ message: 'x.csv:3:2: not a date', exitCode: ExitCode.input, position: { file: 'x.csv', line: 3, column: 2 }, detail: 'not a date', name: 'InputError' });
    expect(String((error as Error & { cause: unknown }).cause)).toContain('deep');
  });

  it('is the nearest class the command knows when its own is not one of src/errors.ts', () => {
    const error = across(new AmbiguousDatesError({ file: 'x.csv' }, 'day or month first?'));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(ExitCode.input);
    expect(across(new UsageError('no'))).toBeInstanceOf(UsageError);
  });

  it('is a plain Error, message and stack kept, when it is a bug: the command says so with exit 70', () => {
    const bug = new TypeError('x is undefined');
    const error = across(bug);
    expect(error).not.toBeInstanceOf(LagesbildError);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('x is undefined');
    expect(error.stack).toBe(bug.stack);
    expect(across('a string thrown').message).toBe('a string thrown');
  });
});
