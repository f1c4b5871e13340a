import { parse, type MathNode } from 'mathjs';

import { METRIC_NAMES, type MetricName } from './metric-definitions.ts';

export const CUSTOM_KINDS = ['count', 'rate', 'score'] as const;
export type CustomKind = (typeof CUSTOM_KINDS)[number];

/** A custom metric's name: camelCase, not a base metric's. */
export const CUSTOM_NAME = /^[a-z][a-zA-Z0-9]{0,39}$/;

export interface Formula {
  /** The base metrics the formula reads. */
  metrics: MetricName[];
  evaluate(values: Partial<Record<MetricName, number | null>>): number | null;
}

export class FormulaError extends Error {
  override readonly name = 'FormulaError';
}

const OPERATORS = new Set(['+', '-', '*', '/']);
const isMetric = (name: string): name is MetricName => (METRIC_NAMES as string[]).includes(name);

/**
 * A formula over the base metrics, e.g. `engagements - likes` or `(shares * 2 + comments) / posts`.
 * mathjs parses it; only numbers, base metric names, + − × ÷ and parentheses are accepted, and the
 * tree is evaluated here, never compiled: nothing in a formula can call a function or reach a value
 * that is not a metric.
 */
export function parseFormula(text: string): Formula {
  if (text.length > 500) throw new FormulaError('a formula has 500 characters at most');
  let root: MathNode;
  try {
    root = parse(text);
  } catch (error) {
    throw new FormulaError(`cannot be read: ${(error as Error).message}`);
  }
  const metrics = new Set<MetricName>();
  const check = (node: MathNode): void => {
    switch (node.type) {
      case 'ConstantNode': {
        const value = (node as unknown as { value: unknown }).value;
        if (typeof value !== 'number' || !Number.isFinite(value)) throw new FormulaError(`${node.toString()} is not a number`);
        return;
      }
      case 'SymbolNode': {
        const name = (node as unknown as { name: string }).name;
        if (!isMetric(name)) throw new FormulaError(`${name} is not a base metric (GET /v1/analytics/metrics lists them)`);
        metrics.add(name);
        return;
      }
      case 'ParenthesisNode':
        return check((node as unknown as { content: MathNode }).content);
      case 'OperatorNode': {
        const { op, args } = node as unknown as { op: string; args: MathNode[] };
        if (!OPERATORS.has(op) || args.length > 2) throw new FormulaError(`${op} is not allowed: use + - * / and parentheses`);
        args.forEach(check);
        return;
      }
      default:
        throw new FormulaError(`${node.toString()} is not allowed: use numbers, metric names, + - * / and parentheses`);
    }
  };
  check(root);
  if (metrics.size === 0) throw new FormulaError('a formula reads at least one metric');

  // Missing is not zero: a formula over a missing metric is missing, and so is a division by zero.
  const evaluateNode = (node: MathNode, values: Partial<Record<MetricName, number | null>>): number | null => {
    switch (node.type) {
      case 'ConstantNode':
        return (node as unknown as { value: number }).value;
      case 'SymbolNode':
        return values[(node as unknown as { name: MetricName }).name] ?? null;
      case 'ParenthesisNode':
        return evaluateNode((node as unknown as { content: MathNode }).content, values);
      default: {
        const { op, args } = node as unknown as { op: string; args: MathNode[] };
        const [a, b] = args.map((arg) => evaluateNode(arg, values));
        if (a == null || (args.length === 2 && b == null)) return null;
        if (args.length === 1) return op === '-' ? -a : a;
        switch (op) {
          case '+':
            return a + b!;
          case '-':
            return a - b!;
          case '*':
            return a * b!;
          default:
            return b === 0 ? null : a / b!;
        }
      }
    }
  };
  return {
    metrics: [...metrics],
    evaluate: (values) => {
      const result = evaluateNode(root, values);
      return result != null && Number.isFinite(result) ? result : null;
    },
  };
}
