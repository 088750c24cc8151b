import { Alert } from '@mui/material';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { withTranslation, type WithTranslation } from 'react-i18next';

interface Props extends WithTranslation {
  children: ReactNode;
  name: string;
  /** A new value clears a caught error and renders the children again (e.g. the ranking replacing its provisional options). */
  resetKey?: string;
}

interface State {
  error: Error | null;
  resetKey: string | undefined;
}

/** An error boundary per panel: one broken panel says so and the rest of the screen stays usable. */
class PanelBoundaryInner extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Readonly<Pick<Props, 'resetKey'>>, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`panel "${this.props.name}" failed`, error.message, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <Alert severity="error" role="alert">
          {this.props.t('errors.panel')} ({this.props.name}: {this.state.error.message})
        </Alert>
      );
    }
    return this.props.children;
  }
}

export const PanelBoundary = withTranslation()(PanelBoundaryInner);
