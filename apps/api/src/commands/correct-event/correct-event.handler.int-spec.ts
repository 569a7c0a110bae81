import { principal, sliceBus, type SliceBus } from '../testing/slice-bus.js';
import { CorrectEventCommand } from './correct-event.handler.js';

describe('更正 slice: CorrectEventCommand on the command bus', () => {
  let slice: SliceBus;
  beforeEach(async () => (slice = await sliceBus()));
  afterEach(() => slice.close());

  it('reaches its own handler and appends EventCorrected to the corrected event’s stream', async () => {
    const established = await slice.establish('b1', '潍坊市城市更新工作领导小组');
    await slice.bus.execute(new CorrectEventCommand({ principal, command: { type: 'CorrectEvent', eventId: established.eventIds[0], documentNo: '潍政字〔2020〕9号', reason: '文号录入有误' } }));
    expect(slice.handled()).toEqual(['EstablishBodyHandler', 'CorrectEventHandler']);
    expect(await slice.types('body-b1')).toEqual(['BodyEstablished', 'EventCorrected']);
  });
});
