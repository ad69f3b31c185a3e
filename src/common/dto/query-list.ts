/** `?x=a&x=b` and `?x=a,b` both give a list of strings: the transform for list query parameters. */
export const asList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value.split(',')
    : Array.isArray(value)
      ? (value as unknown[]).flatMap((item) =>
          typeof item === 'string' ? item.split(',') : [item],
        )
      : value;
