// Every write the board makes, each one repository call, with failures reported as toasts
// (a failed move or delete leaves the data as it was, so the message says what did not happen).
import { useMemo } from 'react';
import { useToast } from '../../components/ui/toast';
import { describeError } from '../../components/ui/describe-error';
import {
  deleteCategory,
  moveCategory,
  restoreCategory,
  updateCategory,
} from '../../db/categories-repository';
import type { CategoryFields } from '../../db/categories-repository';
import { movePrompt } from '../../db/prompts-repository';
import { db } from '../../db/instance';
import type { Category } from '../../domain/entities';

export interface BoardActions {
  moveCategory: (id: string, targetIndex: number) => Promise<void>;
  /** Resolves to whether the move was written (a failure is reported as a toast). */
  movePrompt: (id: string, categoryId: string, targetIndex: number) => Promise<boolean>;
  /** Throws so inline editors can keep the typed text and show the message. */
  updateCategory: (id: string, patch: Partial<CategoryFields>) => Promise<void>;
  /** Reports a failure as a toast and rejects, so the picker can show the stored colour again. */
  recolorCategory: (id: string, color: string) => Promise<void>;
  deleteCategory: (category: Category) => Promise<void>;
}

export function useBoardActions(): BoardActions {
  const toast = useToast();
  return useMemo(() => {
    const report = (what: string) => (error: unknown) => {
      toast.error(`${what}: ${describeError(error)}`);
    };
    return {
      moveCategory: (id, targetIndex) =>
        moveCategory(db, id, targetIndex).then(
          () => undefined,
          report('The category was not moved'),
        ),
      movePrompt: (id, categoryId, targetIndex) =>
        movePrompt(db, id, categoryId, targetIndex).then(
          () => true,
          (error: unknown) => {
            report('The prompt was not moved')(error);
            return false;
          },
        ),
      updateCategory: async (id, patch) => {
        await updateCategory(db, id, patch);
      },
      recolorCategory: (id, color) =>
        updateCategory(db, id, { color }).then(
          () => undefined,
          (error: unknown) => {
            report('The colour was not changed')(error);
            throw error;
          },
        ),
      deleteCategory: async (category) => {
        try {
          await deleteCategory(db, category.id);
        } catch (error) {
          report('The category was not deleted')(error);
          return;
        }
        toast.undoable(`Category “${category.title}” deleted`, async () => {
          await restoreCategory(db, category.id);
        });
      },
    };
  }, [toast]);
}
