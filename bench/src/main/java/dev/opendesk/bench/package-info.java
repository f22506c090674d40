/** JMH benchmarks of opendesk's hot paths. Figures belong here, not in timed unit tests. */
package dev.opendesk.bench;
