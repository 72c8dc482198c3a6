// The prompt's action steps: tick, rename, reorder (drag with mouse, touch or keyboard, or the
// move buttons), delete (with Undo), and add. Each edit is one repository write of the step list.
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { DragEndEvent } from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { useToast } from '../../components/ui/toast';
import { describeError } from '../../components/ui/describe-error';
import {
  addActionStep,
  moveActionStep,
  removeActionStep,
  renameActionStep,
  restoreActionStep,
  setActionStepDone,
} from '../../db/prompts-repository';
import { db } from '../../db/instance';
import type { Prompt } from '../../domain/entities';
import { ActionStepItem } from './action-step-item';
import { stepProgress } from './board-model';
import { CreateForm } from './create-form';

const announcements = (steps: Prompt['action_steps']) => {
  const text = (id: unknown) => steps.find((step) => step.id === id)?.text ?? 'step';
  const position = (id: unknown) =>
    `position ${steps.findIndex((step) => step.id === id) + 1} of ${steps.length}`;
  return {
    onDragStart: ({ active }: { active: { id: unknown } }) => `Picked up step ${text(active.id)}.`,
    onDragOver: ({ active, over }: { active: { id: unknown }; over: { id: unknown } | null }) =>
      over
        ? `Step ${text(active.id)} moved to ${position(over.id)}.`
        : `Step ${text(active.id)} is not over the list.`,
    onDragEnd: ({ active, over }: { active: { id: unknown }; over: { id: unknown } | null }) =>
      over
        ? `Dropped step ${text(active.id)} at ${position(over.id)}.`
        : `Dropped step ${text(active.id)}.`,
    onDragCancel: ({ active }: { active: { id: unknown } }) =>
      `Cancelled. Step ${text(active.id)} is back where it was.`,
  };
};

export function ActionStepList({ prompt }: { prompt: Prompt }) {
  const toast = useToast();
  const steps = prompt.action_steps;
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const run = <T,>(what: string, write: Promise<T>) =>
    write.catch((error: unknown) => {
      toast.error(`${what}: ${describeError(error)}`);
      throw error;
    });
  const move = (stepId: string, targetIndex: number) =>
    void run('The step was not moved', moveActionStep(db, prompt.id, stepId, targetIndex)).catch(
      () => undefined,
    );
  // Like a deleted story, category or prompt: gone at once, with Undo on a toast for a while.
  const remove = (stepId: string) =>
    void run('The step was not deleted', removeActionStep(db, prompt.id, stepId)).then(
      (removed) => {
        if (!removed) return;
        toast.undoable(
          `Step “${removed.step.text}” deleted`,
          async () => void (await restoreActionStep(db, prompt.id, removed)),
        );
      },
      () => undefined,
    );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    move(
      String(active.id),
      steps.findIndex((step) => step.id === over.id),
    );
  };
  const { done, total } = stepProgress(prompt);

  return (
    <section className="editor-card" aria-labelledby="steps-heading">
      <h2 id="steps-heading">Action steps</h2>
      <p className="step-progress">
        {total === 0 ? 'No action steps yet.' : `${done} of ${total} done`}
      </p>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements: announcements(steps) }}
      >
        <SortableContext
          items={steps.map((step) => step.id)}
          strategy={verticalListSortingStrategy}
        >
          <ol className="step-list" aria-label="Action steps">
            {steps.map((step, index) => (
              <ActionStepItem
                key={step.id}
                step={step}
                onToggle={(value) =>
                  run('The step was not updated', setActionStepDone(db, prompt.id, step.id, value))
                }
                onRename={(text) => renameActionStep(db, prompt.id, step.id, text)}
                onDelete={() => remove(step.id)}
                onMoveUp={index > 0 ? () => move(step.id, index - 1) : undefined}
                onMoveDown={index < steps.length - 1 ? () => move(step.id, index + 1) : undefined}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <CreateForm
        label="New action step"
        buttonLabel="Add step"
        field="action_steps"
        onCreate={(text) => addActionStep(db, prompt.id, text)}
      />
    </section>
  );
}
