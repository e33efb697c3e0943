/** The notes of a sheet or a file (what the check says about odd input), in the pane's language. */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Note } from "../../engine/notes/note";
import { useStrings } from "../i18n";

export function NotesBar({ notes }: { notes: readonly Note[] }) {
  const { lang, t } = useStrings();
  if (notes.length === 0) return null;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t.notes}</MessageBarTitle>
        {notes.map((note, i) => (
          <div key={i}>{lang === "vi" ? note.message : note.messageEn}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
