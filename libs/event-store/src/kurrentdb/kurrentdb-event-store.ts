export class KurrentDbEventStore { static async connect(_url: string): Promise<never> { throw new Error('not yet'); } }
