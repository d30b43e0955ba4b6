/** An amount of memory or storage, in binary units: `Size.gibibytes(2)`. */
export class Size {
  public static mebibytes(amount: number): Size {
    return new Size(amount, 1);
  }
  public static gibibytes(amount: number): Size {
    return new Size(amount, 1024);
  }
  public static tebibytes(amount: number): Size {
    return new Size(amount, 1024 * 1024);
  }

  private constructor(
    private readonly amount: number,
    private readonly mibPerUnit: number,
  ) {}

  /** The size in MiB (may be fractional; validation reports a size that is not a whole number of the unit an attribute takes). */
  public toMebibytes(): number {
    return this.amount * this.mibPerUnit;
  }
  public toGibibytes(): number {
    return (this.amount * this.mibPerUnit) / 1024;
  }
  public toString(): string {
    return this.mibPerUnit === 1
      ? `${this.amount} MiB`
      : this.mibPerUnit === 1024
        ? `${this.amount} GiB`
        : `${this.amount} TiB`;
  }
}
