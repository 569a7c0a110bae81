/**
 * Given / when / then for deciders, in the style of Emmett's `DeciderSpecification`
 * (event-driven-io/emmett, src/packages/emmett/src/testing/deciderSpecification.ts):
 *
 *   const given = DeciderSpecification.for({ decide, evolve, initialState }, defaultContext);
 *   given([established]).when(rename).then([renamed]);
 *   given([established], { ...context, baseline }).when(establish).thenThrows(violates('quota'));
 *   given([]).withContext(context).when(command).then((events) => ...);
 *
 * The history is folded with `evolve` from `initialState()`, then `decide` runs once with the
 * command and the context (policy, other active bodies, baseline in force...). Pure: Node's
 * own `assert` and nothing else, so it runs under any test runner.
 */
import assert from 'node:assert/strict';

export interface Decider<Command, Event, State, Context = void> {
  decide: (command: Command, state: State, context: Context) => readonly Event[];
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
}

/** True when the error is the refusal the test expects. */
export type ErrorCheck = (error: unknown) => boolean;

export interface ThenStep<Event> {
  /** The decision produces exactly these events, or events the callback accepts (it throws if not). */
  then(expected: readonly Event[] | ((events: readonly Event[]) => void)): void;
  /** The decision is refused; when given, `check` must accept the error. */
  thenThrows(check?: ErrorCheck): void;
}

export interface WhenStep<Command, Event, Context> {
  /** Judge the decision against this context instead of the default one. */
  withContext(context: Context): WhenStep<Command, Event, Context>;
  when(command: Command): ThenStep<Event>;
}

export type Given<Command, Event, Context> = (
  events?: readonly Event[],
  context?: Context,
) => WhenStep<Command, Event, Context>;

export const DeciderSpecification = {
  for<Command, Event, State, Context = void>(
    decider: Decider<Command, Event, State, Context>,
    defaultContext?: Context,
  ): Given<Command, Event, Context> {
    return (events = [], context = defaultContext) => whenStep(decider, events, context);
  },
};

function whenStep<Command, Event, State, Context>(
  decider: Decider<Command, Event, State, Context>,
  events: readonly Event[],
  context: Context | undefined,
): WhenStep<Command, Event, Context> {
  return {
    withContext: (replacement) => whenStep(decider, events, replacement),
    when: (command) => {
      const run = () => decider.decide(command, events.reduce(decider.evolve, decider.initialState()), context as Context);
      return {
        then(expected) {
          const produced = run();
          if (typeof expected === 'function') expected(produced);
          else assert.deepStrictEqual(produced, expected);
        },
        thenThrows(check) {
          let produced: readonly Event[];
          try {
            produced = run();
          } catch (error) {
            if (check && !check(error)) {
              assert.fail(`The decision was refused, but not as expected: ${error instanceof Error ? error.message : String(error)}`);
            }
            return;
          }
          assert.fail(`The decision was expected to be refused, but it produced: ${JSON.stringify(produced)}`);
        },
      };
    },
  };
}
