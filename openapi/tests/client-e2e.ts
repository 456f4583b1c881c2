// End-to-end test of the TypeScript client that openapi-generator (typescript-fetch) makes from
// the contract, against a running service: what a web team integrating CityLinks would write.
// Run by TypeScriptClientIT with CITYLINKS_URL and EDITOR_TOKEN set (and, for the negotiation
// between two city offices, AMBON_CITY, METZ_CITY, AMBON_TOKEN and METZ_TOKEN); exits non-zero on the first
// expectation that does not hold.
import {
    CitiesApi, Configuration, ProposalsApi, ResponseError, SearchApi,
    type City, type Problem,
} from '../../target/generated-clients/typescript';

declare const process: { env: Record<string, string | undefined>; exitCode?: number };

const baseUrl = required('CITYLINKS_URL');
const editor = new Configuration({ basePath: baseUrl, accessToken: required('EDITOR_TOKEN') });
const cities = new CitiesApi(editor);
const publicCities = new CitiesApi(new Configuration({ basePath: baseUrl }));

function required(name: string): string {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
}

function expect(condition: boolean, what: string): void {
    if (!condition) throw new Error(`expected ${what}`);
    console.log(`ok - ${what}`);
}

/** A made-up word no real city has, so the searches below find only this run's cities. */
function madeUpWord(): string {
    const letters = 'bcdfghjklmnpqrstvwxz';
    let word = 'Ts';
    for (let i = 0; i < 8; i++) word += letters[Math.floor(Math.random() * letters.length)];
    return word;
}

async function problemOf(call: Promise<unknown>): Promise<{ status: number; type: string | null; body: Problem }> {
    try {
        await call;
    } catch (e) {
        if (e instanceof ResponseError) {
            return { status: e.response.status, type: e.response.headers.get('Content-Type'), body: await e.response.json() };
        }
        throw e;
    }
    throw new Error('expected the call to fail');
}

async function main(): Promise<void> {
    const word = madeUpWord();

    // Create with a token: 201, a Location, an ETag and the city as stored.
    const created = await cities.createCityRaw({
        cityInput: { name: `${word} Alpha`, countryCode: 'ID', location: { lat: -3.7, lon: 128.2 }, population: 1000 },
        idempotencyKey: crypto.randomUUID(),
    });
    const city: City = await created.value();
    expect(created.raw.status === 201, 'create answers 201');
    expect(created.raw.headers.get('Location')?.endsWith(`/v1/cities/${city.id}`) === true, 'Location names the new city');
    const etag = created.raw.headers.get('ETag');
    expect(etag !== null && /^"[^"]+"$/.test(etag), 'create sends a strong ETag');
    expect(city.asciiName === `${word} Alpha` && city.createdAt instanceof Date, 'the city comes back typed (dates as Date)');

    // Search finds it, without a token.
    const found = await publicCities.listCities({ q: word });
    expect(found.items.some(c => c.id === city.id), 'a search by name finds it without a token');

    // Page through more cities than one page holds: every one once, then next is null.
    for (const suffix of ['Beta', 'Gamma', 'Delta', 'Epsilon']) {
        await cities.createCity({ cityInput: { name: `${word} ${suffix}`, countryCode: 'ID' } });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
        const page = await publicCities.listCities({ q: word, limit: 2, cursor });
        pages++;
        seen.push(...page.items.map(c => c.name));
        cursor = page.next ?? undefined;
    } while (cursor !== undefined && pages < 10);
    expect(seen.length === 5 && new Set(seen).size === 5 && pages === 3, `three pages of two hold the five cities once each (${seen.join(', ')})`);

    // Update with If-Match: the new ETag differs; the old one is now stale (412, a problem).
    const updated = await cities.updateCityRaw({ cityId: city.id, ifMatch: etag!, cityPatch: { population: 2000, region: 'Maluku' } });
    const after = await updated.value();
    expect(after.population === 2000 && after.region === 'Maluku', 'a merge patch with If-Match changes the city');
    expect(updated.raw.headers.get('ETag') !== etag, 'the change sends a new ETag');
    const stale = await problemOf(cities.updateCity({ cityId: city.id, ifMatch: etag!, cityPatch: { population: 3000 } }));
    expect(stale.status === 412 && stale.type === 'application/problem+json', 'a stale If-Match is a 412 problem');
    const cleared = await cities.updateCity({ cityId: city.id, ifMatch: updated.raw.headers.get('ETag')!, cityPatch: { region: null } });
    expect(cleared.region == null, 'null in a merge patch clears a field');

    // Bad input: a problem that names the field as the client wrote it, and nothing created.
    const invalid = await problemOf(cities.createCity({ cityInput: { name: `${word} Bad`, countryCode: 'Indonesia' } }));
    expect(invalid.status === 422 && invalid.type === 'application/problem+json', 'an invalid body is a 422 problem');
    expect(invalid.body.errors?.[0]?.pointer === '/countryCode', 'the problem points at /countryCode');
    const badQuery = await problemOf(publicCities.listCities({ limit: 1000 }));
    expect(badQuery.status === 400 && badQuery.body.errors?.[0]?.parameter === 'limit', 'an out-of-range limit is a 400 naming limit');
    const afterBad = await publicCities.listCities({ q: `${word} Bad` });
    expect(!afterBad.items.some(c => c.name === `${word} Bad`), 'the invalid city was not created');

    // Without a token a write is refused with a problem the client can read.
    const anonymous = await problemOf(publicCities.createCity({ cityInput: { name: `${word} Anon`, countryCode: 'ID' } }));
    expect(anonymous.status === 401 && anonymous.body.type === 'https://citylinks.org/problems/unauthorized', 'a write without a token is a 401 problem');

    // The global search finds the city too.
    const hits = await new SearchApi(new Configuration({ basePath: baseUrl })).searchEverything({ q: word });
    expect(hits.items.some(h => h.id === city.id), 'the global search finds it');

    // Two city offices negotiate: the draft is theirs alone, and each side does only its part.
    const asAmbon = new ProposalsApi(new Configuration({ basePath: baseUrl, accessToken: required('AMBON_TOKEN') }));
    const asMetz = new ProposalsApi(new Configuration({ basePath: baseUrl, accessToken: required('METZ_TOKEN') }));
    const proposal = await asAmbon.createProposal({ proposalInput: {
        title: 'Cities of Music', proposerCityId: required('AMBON_CITY'), partnerCityId: required('METZ_CITY'),
        relationshipType: 'THEMATIC_PARTNERSHIP', programmes: [{ number: 1, title: 'Music teacher exchange' }],
    } });
    expect(proposal.visibility === 'PARTIES', 'a new proposal is private to its parties');
    const hidden = await problemOf(new ProposalsApi(new Configuration({ basePath: baseUrl })).getProposal({ proposalId: proposal.id }));
    expect(hidden.status === 404, 'without a token the draft does not exist');
    await asAmbon.transitionProposal({ proposalId: proposal.id, transitionInput: { to: 'SUBMITTED' } });
    const wrongSide = await problemOf(asAmbon.decideProgramme({ proposalId: proposal.id, number: 1, decisionInput: { decision: 'ACCEPTED' } }));
    expect(wrongSide.status === 403 && (wrongSide.body.detail ?? '').includes("partner's side"), 'the proposer may not decide for the partner');
    const decided = await asMetz.decideProgramme({ proposalId: proposal.id, number: 1, decisionInput: { decision: 'ACCEPTED' } });
    expect(decided.programmes[0].decision === 'ACCEPTED', 'the partner records its decision');
}

main().catch(e => {
    console.error(`not ok - ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
});
