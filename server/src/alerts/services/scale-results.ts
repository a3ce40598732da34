import { Injectable } from '@nestjs/common';
import type { AlertDetail } from '@xinqiao/shared';

/** What an alert's detail shows of the scale response behind it (the phone unmasked; alerts masks it). */
export type AlertedResponse = Pick<AlertDetail, 'contactName' | 'contactPhone' | 'guardian' | 'criticalItems' | 'answers'>;

/** A result the resident chose to save, as the case view lists it. */
export interface SavedResult {
  id: number;
  scaleCode: string;
  scaleTitle: string;
  score: number;
  bandLabel: string;
  submittedAt: Date;
}

/** What alerts need to know about scales and their responses. */
export interface ScaleResultsSource {
  /** Current titles by scale code. */
  titles(): Promise<Map<string, string>>;
  alertedResponse(responseId: number): Promise<AlertedResponse>;
  savedResultsOf(residentId: number): Promise<SavedResult[]>;
}

/**
 * The scales module's answers to alerts. Scales depends on alerts (it raises alerts inside its
 * submission transaction), so alerts does not import scales: the scales module registers its
 * source here when it starts, and alerts reads scale titles and responses through it.
 */
@Injectable()
export class ScaleResults implements ScaleResultsSource {
  private source: ScaleResultsSource | null = null;

  register(source: ScaleResultsSource): void {
    this.source = source;
  }

  titles(): Promise<Map<string, string>> {
    return this.registered().titles();
  }

  alertedResponse(responseId: number): Promise<AlertedResponse> {
    return this.registered().alertedResponse(responseId);
  }

  savedResultsOf(residentId: number): Promise<SavedResult[]> {
    return this.registered().savedResultsOf(residentId);
  }

  private registered(): ScaleResultsSource {
    if (!this.source) throw new Error('the scales module has not registered its results with alerts');
    return this.source;
  }
}
