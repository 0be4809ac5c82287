import { PayloadTooLargeException } from '@nestjs/common';
import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { PassThrough, Readable } from 'node:stream';
import { invalidInput } from '../errors/domain-error';

/** The largest file an upload may carry (a 100,000-row lead file is about 20 MB). */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/**
 * Hands the file of a `multipart/form-data` request's field `field` to
 * `work` as a stream, as it arrives: nothing is buffered whole, in memory or
 * on disk. Settles once `work` has and the request has been read to its end
 * (what `work` left unread is drained), so the answer never races the upload.
 * 400 when the request is not multipart or has no such file; 413 past
 * {@link MAX_UPLOAD_BYTES}.
 */
export function withUploadedFile<T>(request: IncomingMessage, field: string, work: (file: Readable) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let form: busboy.Busboy;
    try {
      form = busboy({ headers: request.headers, limits: { files: 1, fileSize: MAX_UPLOAD_BYTES } });
    } catch {
      reject(invalidInput([{ field, message: `send the file as multipart/form-data in the field ${field}` }], 'The request body is not multipart/form-data.'));
      return;
    }
    let result: Promise<T> | undefined;
    let failure: Error | undefined;
    form.on('file', (name, file) => {
      if (name !== field || result) {
        // a body cut short fails this stream too: the form's own error answers it, so it must not be unhandled
        file.on('error', () => undefined);
        file.resume();
        return;
      }
      const upload = new PassThrough();
      // busboy stalls on a destroyed file stream: unpipe it and let it drain instead
      const release = () => {
        file.unpipe(upload);
        file.resume();
      };
      file.on('limit', () => {
        release();
        upload.destroy(new PayloadTooLargeException(`The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`));
      });
      // busboy fails the file stream when the body is cut short or malformed; pipe() would not say so
      file.on('error', (error: Error) => upload.destroy(malformed(field, error)));
      file.pipe(upload);
      result = work(upload).finally(release);
      // awaited once the form is read; until then a failure must not count as unhandled
      result.catch(() => undefined);
    });
    // after the last byte of the body, or after an error; once
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      if (result) result.then(resolve, reject);
      else
        reject(
          failure ?? invalidInput([{ field, message: `the request has no file in the field ${field}` }], `Send the file in the multipart field ${field}.`),
        );
    };
    // busboy emits no close after some errors (a malformed part header): settle here, and drain the rest of the body
    form.on('error', (error: Error) => {
      failure = malformed(field, error);
      request.unpipe(form);
      request.resume();
      settle();
    });
    form.on('close', settle);
    request.on('close', () => {
      if (!request.complete) form.destroy(new Error('the upload was interrupted'));
    });
    request.pipe(form);
  });
}

function malformed(field: string, error: Error) {
  return invalidInput([{ field, message: error.message }], 'The upload was cut short or its multipart body is malformed.');
}
