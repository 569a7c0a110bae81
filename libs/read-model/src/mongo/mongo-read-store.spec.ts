import { collectionOf, databaseInUrl, VIEW_COLLECTIONS, VIEW_INDEXES } from './mongo-read-store.js';

describe('MongoDB read store, without a server', () => {
  it('takes the database from the connection string when it names one', () => {
    expect(databaseInUrl('mongodb://m1,m2,m3/registry?replicaSet=rs0')).toBe('registry');
    expect(databaseInUrl('mongodb://mongodb:27017/registry?replicaSet=rs0')).toBe('registry');
    expect(databaseInUrl('mongodb+srv://user:secret@cluster.example/registry_prod')).toBe('registry_prod');
    expect(databaseInUrl('mongodb://localhost:27017/?directConnection=true')).toBeUndefined();
    expect(databaseInUrl('mongodb://localhost:27017')).toBeUndefined();
  });

  it('names one collection per view and view set, with indexes led by the fields its queries ask by', () => {
    expect(VIEW_COLLECTIONS.map((v) => collectionOf(v, 'abc'))).toEqual(['body_rows_abc', 'quota_baselines_abc']);
    expect(VIEW_INDEXES.body_rows.map((index) => Object.keys(index.key))).toEqual([
      ['bodyId', 'validFrom', 'position'],
      ['jurisdiction', 'validFrom', 'position', 'bodyId'],
    ]);
    expect(Object.keys(VIEW_INDEXES.quota_baselines[0].key)).toEqual(['jurisdiction', 'validFrom']);
  });
});
