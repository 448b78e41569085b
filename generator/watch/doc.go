// Package watch tells a running zhinan when the site's sources change. It is
// a plain file watcher: it knows nothing of how a site is built (package
// rebuild runs the loop that rebuilds on its batches).
//
// # What is watched
//
// Under the site root, a Watcher follows what Options names, by default:
//
//   - content/ and templates/, recursively (Options.Dirs: the caller passes
//     the folder of pages zhinan.yaml names, "." for the whole root, with
//     Options.Skip keeping the output folder out). Folders created later are
//     watched as soon as they appear, and the files already inside them are
//     reported; a removed or renamed folder stops being watched.
//   - zhinan.yaml, the site settings.
//
// Nothing else under the root is reported. content/ and templates/ may be
// created after the Watcher starts.
//
// # Batches
//
// Editors write files in bursts: a save can be a truncate, two writes and a
// chmod, or a write to a temporary file renamed over the target. The Watcher
// therefore collects events and delivers them as one Batch after a quiet
// period (Options.Debounce, 100 ms by default), but never holds a batch
// longer than Options.MaxWait (1 s by default) while events keep coming, so
// a steady stream of changes still shows up about once a second.
//
// A Batch names each changed path once, sorted, as a slash path relative to
// the root ("content/platforms/ios.md", "templates/assets/site.css",
// "zhinan.yaml"). Creations, writes, removals and renames all count as
// changes; a rename names both the old and the new path. A path that was
// created and gone again within the same batch (a temporary file renamed over
// its target, say) is dropped, so an atomic save is exactly one change of the
// target file. When the consumer is busy (rebuilding), further batches merge
// into the one waiting to be received, so nothing is lost and no backlog
// forms. Batch.Rescan reports that the operating system dropped events:
// treat everything as changed.
//
// # Ignored files
//
// Dot-files and anything inside dot-folders (".git", ".x.md.swp", ".#x.md",
// ".goutputstream-*", ".DS_Store") are ignored, as are the other droppings of
// common editors: "*.swp", "*.swx", "*~", vim's "4913" probe, Emacs "#x#",
// and JetBrains "*___jb_tmp___" / "*___jb_old___".
//
// # Polling
//
// On file systems without change notification (network mounts, some
// containers and VMs), set Options.Poll to an interval: the Watcher then
// scans the watched trees that often and compares modification times and
// sizes instead of using fsnotify. Batching and ignore rules are the same.
//
// # Errors
//
// Problems the Watcher survives (a folder it could not watch) come on
// Errors; the rebuild loop prints them. When the system's file events fail
// it (no inotify instance, or the watch limit reached, at the start or for a
// folder made later), the Watcher says so on Errors and falls back to
// scanning every FallbackPoll by itself, with a Rescan batch so that nothing
// missed meanwhile stays stale.
package watch
