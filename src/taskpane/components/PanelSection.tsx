// A screen of the pane: a section named by its own heading (`<name>-heading`).
import * as React from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

export interface PanelSectionProps {
  /** Names the heading's id, `<name>-heading`. */
  name: string;
  title: string;
  /** Replaces the usual column layout. */
  className?: string;
  children: React.ReactNode;
}

export function PanelSection({
  name,
  title,
  className,
  children,
}: PanelSectionProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={className ?? styles.root} aria-labelledby={`${name}-heading`}>
      <Text as="h2" id={`${name}-heading`} size={400} weight="semibold">
        {title}
      </Text>
      {children}
    </section>
  );
}
