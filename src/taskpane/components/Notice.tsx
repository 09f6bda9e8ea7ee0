// A message the user can dismiss: errors (with a title) and confirmations, the same everywhere.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { Dismiss20Regular } from "@fluentui/react-icons";
import type { ReactNode } from "react";

export interface NoticeProps {
  intent: "error" | "success" | "info" | "warning";
  title?: string;
  dismissLabel: string;
  onDismiss: () => void;
  children: ReactNode;
}

export function Notice({ intent, title, dismissLabel, onDismiss, children }: NoticeProps) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
      <MessageBarActions
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
}
