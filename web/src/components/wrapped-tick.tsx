import { Text } from 'recharts';

/** Category-axis tick that wraps long Vietnamese labels onto two lines instead of overlapping. */
export function WrappedTick({
  x,
  y,
  payload,
  width = 200,
  maxLines = 2,
}: {
  x?: number;
  y?: number;
  payload?: { value: string };
  width?: number;
  maxLines?: number;
}) {
  return (
    <Text x={x} y={y} width={width} textAnchor="end" verticalAnchor="middle" maxLines={maxLines} fontSize={maxLines > 2 ? 10.5 : 11.5} fill="#1a2233">
      {payload?.value ?? ''}
    </Text>
  );
}

/**
 * Category x-axis tick: centred and wrapped onto up to two lines under the bar, or, on
 * narrow screens (`slanted`), one line turned 35° so neighbouring labels do not collide.
 */
export function WrappedXTick({
  x,
  y,
  payload,
  width = 100,
  slanted = false,
}: {
  x?: number;
  y?: number;
  payload?: { value: string };
  width?: number;
  slanted?: boolean;
}) {
  if (slanted) {
    return (
      <Text x={x} y={(y ?? 0) + 6} angle={-35} textAnchor="end" verticalAnchor="start" fontSize={10.5} fill="#1a2233">
        {payload?.value ?? ''}
      </Text>
    );
  }
  return (
    <Text x={x} y={(y ?? 0) + 4} width={width} textAnchor="middle" verticalAnchor="start" maxLines={2} fontSize={11.5} fill="#1a2233">
      {payload?.value ?? ''}
    </Text>
  );
}
