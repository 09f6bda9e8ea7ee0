// A message the user can dismiss: errors (with a title) and confirmations, the same everywhere.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { Dismiss20Regular } from "@fluentui/react-icons";
import { forwardRef, type ReactNode } from "react";

export interface NoticeProps {
  intent: "error" | "success" | "info" | "warning";
  title?: string;
  dismissLabel: string;
  onDismiss: () => void;
  children: ReactNode;
  /** Buttons that act on the notice (beside the dismiss button). */
  actions?: ReactNode;
}

/** Focusable (tabIndex −1), so the pane can move focus to the notice of what the user just did. */
export const Notice = forwardRef<HTMLDivElement, NoticeProps>(function Notice(
  { intent, title, dismissLabel, onDismiss, children, actions },
  ref,
) {
  return (
    <MessageBar ref={ref} tabIndex={-1} intent={intent} layout="multiline">
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
      <MessageBarActions
        {...(actions ? { children: actions } : {})}
        containerAction={
          <Button
            appearance="transparent"
            size="small"
            icon={<Dismiss20Regular />}
            aria-label={dismissLabel}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
});
