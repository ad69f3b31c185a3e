/** Marks in one statement at most: a batch stays a short index-scan update. */
const MAX_BATCH = 100;

interface Mark {
  notificationId: string;
  attempt: number;
  settle: { resolve: () => void; reject: (error: unknown) => void };
}

/**
 * Records deliveries as sent, many in one statement: the first mark goes at once, and while its
 * statement is in flight the marks that follow gather for the next one, as PostgreSQL's group
 * commit gathers WAL flushes. Each mark's promise settles when the statement holding it commits
 * (or fails), so a job still completes only once its email is recorded as sent. With ten
 * deliveries at a time this took a round trip and a commit off most emails.
 */
export class SentMarks {
  private waiting: Mark[] = [];
  private flushing = false;

  /** `write(ids, attempts)` records those claims as sent, the arrays index-aligned. */
  constructor(
    private readonly write: (notificationIds: string[], attempts: number[]) => Promise<unknown>,
  ) {}

  mark(notificationId: string, attempt: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ notificationId, attempt, settle: { resolve, reject } });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.waiting.length > 0) {
      // In id order, so that two batches lock their rows in the same order.
      const batch = this.waiting
        .splice(0, MAX_BATCH)
        .sort((a, b) => (a.notificationId < b.notificationId ? -1 : 1));
      try {
        await this.write(
          batch.map((mark) => mark.notificationId),
          batch.map((mark) => mark.attempt),
        );
        for (const mark of batch) mark.settle.resolve();
      } catch (error) {
        for (const mark of batch) mark.settle.reject(error);
      }
    }
    this.flushing = false;
  }
}
