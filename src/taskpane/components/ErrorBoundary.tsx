// A fault in a screen must not blank the pane: say what broke, in words, and offer to
// carry on (the workbook is untouched by a fault in the pane itself).
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";

interface State {
  error: Error | null;
}

export class ErrorBoundary extends React.Component<{ children: React.ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    // Kept for the browser's console too (a report to us needs it); the user sees the bar.
    console.error("Scrutiny Sheets: a screen failed", error);
  }

  override render(): React.ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <MessageBar intent="error" role="alert" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This screen stopped working</MessageBarTitle>
          {this.state.error.message}. Nothing was written to the workbook because of it.
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => this.setState({ error: null })}>Try again</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
