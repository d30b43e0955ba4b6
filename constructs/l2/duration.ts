/** A length of time: `Duration.hours(12)`. */
export class Duration {
  public static seconds(amount: number): Duration {
    return new Duration(amount);
  }
  public static minutes(amount: number): Duration {
    return new Duration(amount * 60);
  }
  public static hours(amount: number): Duration {
    return new Duration(amount * 3600);
  }
  public static days(amount: number): Duration {
    return new Duration(amount * 86400);
  }

  private constructor(private readonly totalSeconds: number) {}

  public toSeconds(): number {
    return this.totalSeconds;
  }
}
