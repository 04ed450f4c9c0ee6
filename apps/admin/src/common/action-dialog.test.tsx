// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nContextProvider } from 'react-admin';
import { afterEach, describe, expect, it, vi as mock } from 'vitest';
import { GraphqlRequestError } from '../data/graphql-client';
import { i18nProvider } from '../i18n/i18n-provider';
import { ActionDialog } from './action-dialog';

afterEach(cleanup);

function renderDialog(onSubmit: (values: Record<string, string>) => Promise<unknown>) {
  const onClose = mock.fn();
  const onReload = mock.fn();
  render(
    <I18nContextProvider value={i18nProvider}>
      <ActionDialog
        open
        title="Gửi báo cáo tiến độ"
        submitLabel="Gửi"
        fields={[
          { name: 'results', label: 'app.assignment.fields.results', type: 'multiline', required: true },
        ]}
        onClose={onClose}
        onSubmit={onSubmit}
        onReload={onReload}
      />
    </I18nContextProvider>,
  );
  return { onClose, onReload };
}

describe('an action dialog', () => {
  it('explains a version conflict with both versions and reloads on request', async () => {
    const { onClose, onReload } = renderDialog(() =>
      Promise.reject(
        new GraphqlRequestError('Nhiệm vụ đã được cập nhật', {
          code: 'CONFLICT',
          currentVersion: 5,
          expectedVersion: 4,
        }),
      ),
    );
    fireEvent.change(screen.getByRole('textbox', { name: /Kết quả thực hiện/ }), {
      target: { value: 'Đã triển khai' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Nhiệm vụ đã thay đổi');
    expect(alert.textContent).toContain('Bạn đang xem phiên bản 4, hiện tại là phiên bản 5.');
    expect(onClose).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Tải lại' }));
    expect(onReload).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("shows the server's own message for any other refusal, and stays open", async () => {
    const { onClose } = renderDialog(() =>
      Promise.reject(
        new GraphqlRequestError('Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100', {
          code: 'BAD_USER_INPUT',
        }),
      ),
    );
    fireEvent.change(screen.getByRole('textbox', { name: /Kết quả thực hiện/ }), {
      target: { value: 'Đã triển khai' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100',
    );
    expect(screen.queryByRole('button', { name: 'Tải lại' })).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes once the action succeeds, having sent what was typed', async () => {
    const onSubmit = mock.fn<(values: Record<string, string>) => Promise<unknown>>(() => Promise.resolve({}));
    const { onClose } = renderDialog(onSubmit);
    fireEvent.change(screen.getByRole('textbox', { name: /Kết quả thực hiện/ }), {
      target: { value: 'Đã triển khai' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({ results: 'Đã triển khai' });
  });

  it('sends nothing while a required field is empty', async () => {
    const onSubmit = mock.fn(() => Promise.resolve({}));
    renderDialog(onSubmit);
    fireEvent.click(screen.getByRole('button', { name: 'Gửi' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
