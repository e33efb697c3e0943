/**
 * The question a merge asks when a newer file comes from a unit KHTC already approved (spec §10: the pane asks
 * where the CLI needs --reopen): reopen the approval and take the new file, or keep the approved figures.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { shownDateTime, type ApprovalConflict } from "../../engine/review";
import { useMergeStrings } from "./mergeStrings";

export interface ApprovalQuestionProps {
  /** The first conflict still to answer (undefined: no question). */
  conflict?: ApprovalConflict;
  onAnswer: (unit: string, reopen: boolean) => void;
}

export function ApprovalQuestion({ conflict, onAnswer }: ApprovalQuestionProps) {
  const m = useMergeStrings();
  if (!conflict) return null;
  const { unit, file, approved } = conflict;
  return (
    <Dialog open modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{m.approvedTitle}</DialogTitle>
          <DialogContent>{m.approvedBody(unit, file, approved.file ?? "", shownDateTime(approved.at))}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(unit, false)}>
              {m.keepApproved}
            </Button>
            <Button onClick={() => onAnswer(unit, true)}>{m.reopen}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
