// The service runs with TZ=UTC; so do the tests, whatever the machine's zone.
process.env.TZ = 'UTC';
