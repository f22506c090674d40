/**
 * Running {@code opendesk serve} as a per-user service (spec/surface.md §4): the systemd user
 * unit, the launchd agent and the Task Scheduler task as pure text generators, the install and
 * uninstall steps of the running OS, and the WSL2 networking advisory.
 */
@NullMarked
package dev.opendesk.app.service;

import org.jspecify.annotations.NullMarked;
