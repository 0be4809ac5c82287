import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { on, stubApi } from '../../test/http';
import { renderScreen } from '../../test/render';
import { ImportDialog } from './ImportDialog';

const csv = ['lastName,email', 'Doe,jane@acme.com', 'Martin,paul@nowhere', 'Roux,', 'Petit,bad-address', ''].join('\n');

describe('ImportDialog', () => {
  it('uploads in the background, shows the progress, then the refused lines', async () => {
    let polls = 0;
    const { requests } = stubApi(
      on('POST', '/api/v1/leads/import', { status: 202, body: { jobId: 'job-1' } }),
      on('GET', '/api/v1/imports/job-1', () => {
        polls += 1;
        const base = { jobId: 'job-1', resource: 'leads', accepted: 1, refusedCount: 0 };
        if (polls < 3) return { status: 200, body: { ...base, status: 'running', processedRows: 2 } };
        return {
          status: 200,
          body: {
            ...base,
            status: 'done',
            processedRows: 4,
            accepted: 3,
            refusedCount: 1,
            report: {
              accepted: 3,
              refusedCount: 1,
              total: 4,
              refused: [{ line: 5, errors: [{ field: 'email', message: 'email must be a valid email address' }] }],
            },
          },
        };
      }),
    );
    const user = userEvent.setup();
    renderScreen(<ImportDialog base="/api/v1/leads" importPath="/api/v1/leads/import" noun="leads" opened onClose={() => {}} />);

    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    await user.upload(input, new File([csv], 'leads.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByText('2 of about 4 rows read')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '50');

    expect(await screen.findByText(/Accepted: 3 · Refused: 1/, {}, { timeout: 3_000 })).toBeInTheDocument();
    const refused = screen.getByRole('table', { name: 'Refused lines' });
    expect(refused).toHaveTextContent('5');
    expect(refused).toHaveTextContent('email');
    expect(refused).toHaveTextContent('email must be a valid email address');

    const upload = requests.find((request) => request.method === 'POST')!;
    expect(upload.url.searchParams.get('mode')).toBe('async');
    // jsdom's File does not survive Node's FormData encoding intact: the field being there is what this can check.
    expect((upload.body as FormData).has('file')).toBe(true);
  });
});
