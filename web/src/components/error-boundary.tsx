import { Component, type ReactNode } from 'react';
import { ErrorState } from './states';

/** Catches render errors and failed chunk loads of a page, showing the error with a reload button. */
export class PageErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: unknown; resetKey: string }> {
  override state: { error: unknown; resetKey: string } = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  // Another page (a new resetKey) clears the error on the same render, not one update later.
  static getDerivedStateFromProps(props: { resetKey: string }, state: { resetKey: string }) {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override render() {
    if (this.state.error) return <ErrorState error={this.state.error} onRetry={() => window.location.reload()} height={300} />;
    return this.props.children;
  }
}
