import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendUpload, type UploadFields, type UploadOutcome } from './upload-request';

/**
 * Upload mutation with byte progress. A stored upload changes the current
 * version, so every cached figure is refetched.
 */
export function useUpload() {
  const client = useQueryClient();
  const [progress, setProgress] = useState({ sent: 0, total: 0 });
  const mutation = useMutation({
    mutationFn: ({ file, fields }: { file: File; fields: UploadFields }): Promise<UploadOutcome> => {
      setProgress({ sent: 0, total: file.size });
      return sendUpload(file, fields, (sent, total) => setProgress({ sent, total }));
    },
    onSuccess: (outcome) => {
      if (outcome.status === 'created') void client.invalidateQueries();
    },
  });
  return { ...mutation, progress };
}
