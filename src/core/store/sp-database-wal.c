/* sp-database-wal.c: what lies beside a database file before SQLite sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A -wal file holds changes that are committed but not yet in the database
 * file; SQLite replays its frames on the next opening and, when the last
 * connection closes, copies them into the file and removes the -wal. It
 * replays frames only up to the first one whose checksum fails: a single
 * damaged byte early in the log silently drops every later change. So we
 * read the log ourselves first, as SQLite's file format describes it:
 *
 *   header (32 bytes): magic 0x377f0682/3, version 3007000, page size,
 *     checkpoint sequence, salt-1, salt-2, checksum-1, checksum-2
 *   frame: page number, database size in pages (commit frames only),
 *     salt-1, salt-2, checksum-1, checksum-2, then the page
 *
 * A frame is valid when its salts are the header's and the running checksum
 * (over the header, then each frame's first 8 bytes and its page) matches.
 * Frames of the current log that follow the first invalid one, and that
 * commit, are changes that would be lost. The newest replayed copy of
 * page 1 is the header the file will have once it is open: whether it is
 * ours and how new it is must be judged on that, not on the file alone.
 *
 * A rollback journal (-journal) beginning with its magic number is an
 * interrupted transaction, which the next writer rolls back.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sp-database-impl.h"

#define WAL_HEADER_SIZE 32
#define WAL_FRAME_HEADER_SIZE 24
#define WAL_MAGIC_LE 0x377f0682
#define WAL_MAGIC_BE 0x377f0683
#define WAL_VERSION 3007000

static guint32
read_be32 (const guint8 *bytes)
{
  return (guint32) bytes[0] << 24 | (guint32) bytes[1] << 16 | (guint32) bytes[2] << 8 | bytes[3];
}

static guint32
read_le32 (const guint8 *bytes)
{
  return (guint32) bytes[3] << 24 | (guint32) bytes[2] << 16 | (guint32) bytes[1] << 8 | bytes[0];
}

/* The running checksum over @length bytes (a multiple of 8). */
static void
wal_checksum (gboolean      big_endian,
              const guint8 *bytes,
              gsize         length,
              guint32      *s0,
              guint32      *s1)
{
  for (gsize i = 0; i + 8 <= length; i += 8)
    {
      guint32 x0 = big_endian ? read_be32 (bytes + i) : read_le32 (bytes + i);
      guint32 x1 = big_endian ? read_be32 (bytes + i + 4) : read_le32 (bytes + i + 4);

      *s0 += x0 + *s1;
      *s1 += x1 + *s0;
    }
}

static gboolean
read_all (int     fd,
          guint8 *buffer,
          gsize   length)
{
  gsize done = 0;

  while (done < length)
    {
      gssize n = read (fd, buffer + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      done += n;
    }
  return TRUE;
}

/**
 * sp_database_read_wal:
 * @wal_path: the -wal file beside a database
 * @info: (out caller-allocates): what it holds
 *
 * Reads the log as SQLite will replay it. A missing, empty or unreadable
 * log, or one whose header is not valid, is one SQLite ignores: @info then
 * says there is nothing to replay.
 *
 * Returns: %FALSE if the file exists but could not be read
 */
gboolean
sp_database_read_wal (const char *wal_path,
                      SpWalInfo  *info)
{
  guint8 header[WAL_HEADER_SIZE];
  g_autofree guint8 *frame = NULL;
  guint32 magic, page_size, salt1, salt2, s0 = 0, s1 = 0;
  guint32 last_s0, last_s1;
  gboolean big_endian;
  gboolean broken = FALSE;
  guint8 pending_page1[SP_DATABASE_HEADER_BYTES];
  gboolean pending_has_page1 = FALSE;
  guint frame_index = 0;
  int fd;

  memset (info, 0, sizeof *info);
  fd = g_open (wal_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return errno == ENOENT;

  if (!read_all (fd, header, sizeof header))
    {
      close (fd);
      return TRUE;
    }
  magic = read_be32 (header);
  page_size = read_be32 (header + 8);
  if ((magic != WAL_MAGIC_LE && magic != WAL_MAGIC_BE) || read_be32 (header + 4) != WAL_VERSION ||
      page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    {
      close (fd);
      return TRUE;
    }
  big_endian = (magic & 1) != 0;
  wal_checksum (big_endian, header, 24, &s0, &s1);
  if (s0 != read_be32 (header + 24) || s1 != read_be32 (header + 28))
    {
      close (fd);
      return TRUE;
    }
  info->valid_header = TRUE;
  salt1 = read_be32 (header + 16);
  salt2 = read_be32 (header + 20);

  frame = g_malloc (WAL_FRAME_HEADER_SIZE + page_size);
  while (read_all (fd, frame, WAL_FRAME_HEADER_SIZE + page_size))
    {
      guint32 page = read_be32 (frame);
      guint32 commit_size = read_be32 (frame + 4);
      gboolean ours = read_be32 (frame + 8) == salt1 && read_be32 (frame + 12) == salt2;

      frame_index++;
      if (!ours)
        {
          /* A frame of an older log, left over after a reset: the log ends
           * here, as far as SQLite and we are concerned. */
          break;
        }
      if (broken)
        {
          if (commit_size != 0)
            info->n_commits_lost++;
          continue;
        }

      last_s0 = s0;
      last_s1 = s1;
      wal_checksum (big_endian, frame, 8, &s0, &s1);
      wal_checksum (big_endian, frame + WAL_FRAME_HEADER_SIZE, page_size, &s0, &s1);
      if (page == 0 || s0 != read_be32 (frame + 16) || s1 != read_be32 (frame + 20))
        {
          broken = TRUE;
          info->first_bad_frame = frame_index;
          s0 = last_s0;
          s1 = last_s1;
          if (commit_size != 0)
            info->n_commits_lost++;
          continue;
        }

      if (page == 1)
        {
          memcpy (pending_page1, frame + WAL_FRAME_HEADER_SIZE, sizeof pending_page1);
          pending_has_page1 = TRUE;
        }
      if (commit_size != 0)
        {
          info->n_frames = frame_index;
          info->n_commits++;
          info->n_pages = commit_size;
          if (pending_has_page1)
            {
              memcpy (info->page1, pending_page1, sizeof info->page1);
              info->has_page1 = TRUE;
            }
        }
    }
  close (fd);
  return TRUE;
}

/* The first bytes of a rollback journal's header. */
static const guint8 journal_magic[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };

/**
 * sp_database_has_journal:
 * @path: a database file
 *
 * Returns: whether a rollback journal with a transaction in it lies beside
 *   @path (SQLite rolls it back when the file is next written)
 */
gboolean
sp_database_has_journal (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  guint8 bytes[sizeof journal_magic];
  gboolean found;
  int fd = g_open (journal, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return FALSE;
  found = read_all (fd, bytes, sizeof bytes) && memcmp (bytes, journal_magic, sizeof bytes) == 0;
  close (fd);
  return found;
}

/**
 * sp_database_read_journal_page1:
 * @path: a database file with a rollback journal beside it
 * @page1: (out caller-allocates): the start of page 1 as it was before the
 *   interrupted transaction, when the journal holds it
 * @original_pages: (out): the file's size in pages before the transaction;
 *   0 when the transaction was the one that made the database
 *
 * The journal's header fills its first sector (magic, record count, nonce,
 * the size before the transaction, sector size, page size); the records
 * follow, each a page number, the page and a checksum. The first record of
 * page 1 is the page the rollback puts back.
 *
 * Returns: whether the journal holds page 1
 */
gboolean
sp_database_read_journal_page1 (const char *path,
                                guint8     *page1,
                                guint32    *original_pages)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree guint8 *record = NULL;
  guint8 header[28];
  guint32 sector_size, page_size;
  gboolean found = FALSE;
  int fd = g_open (journal, O_RDONLY | O_CLOEXEC, 0);

  *original_pages = G_MAXUINT32;
  if (fd < 0)
    return FALSE;
  if (!read_all (fd, header, sizeof header) || memcmp (header, journal_magic, sizeof journal_magic) != 0)
    {
      close (fd);
      return FALSE;
    }
  *original_pages = read_be32 (header + 16);
  sector_size = read_be32 (header + 20);
  page_size = read_be32 (header + 24);
  if (sector_size < 32 || sector_size > 65536 || page_size < 512 || page_size > 65536 ||
      (page_size & (page_size - 1)) != 0 || lseek (fd, sector_size, SEEK_SET) != (off_t) sector_size)
    {
      close (fd);
      return FALSE;
    }
  record = g_malloc (4 + page_size + 4);
  while (!found && read_all (fd, record, 4 + page_size + 4))
    if (read_be32 (record) == 1)
      {
        memcpy (page1, record + 4, SP_DATABASE_HEADER_BYTES);
        found = TRUE;
      }
  close (fd);
  return found;
}

/**
 * sp_database_keep_wal:
 * @path: the database file
 * @info: its log, as read by sp_database_read_wal()
 * @error: where to put the message for the user
 *
 * The log would lose committed changes: copies it beside the file, before
 * SQLite can replay and remove it, and says in @error what was lost and
 * where the copy is. The copy is made even if the file is then opened.
 *
 * Returns: (transfer full) (nullable): the message for the user; %NULL with
 *   @error set when no copy could be made
 */
char *
sp_database_keep_wal (const char       *path,
                      const SpWalInfo  *info,
                      GError          **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  /* Translators: part of the name of the copy of a damaged change log,
   * "FILE.db-wal.damaged-20261205T101500"; no spaces */
  g_autofree char *copy = g_strdup_printf ("%s-wal.%s-%s", path, _("damaged"), stamp);
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *copy_name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  for (guint i = 1; g_file_test (copy, G_FILE_TEST_EXISTS) && i < 100; i++)
    {
      g_free (copy);
      copy = g_strdup_printf ("%s-wal.%s-%s-%u", path, _("damaged"), stamp, i);
    }
  copy_name = g_filename_display_basename (copy);

  if (!g_file_get_contents (wal, &contents, &length, &local_error) ||
      !g_file_set_contents_full (copy, contents, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &local_error))
    {
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_BACKUP,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The change log of “%s” is damaged: %u saved change after the damage "
                                "cannot be read. A copy of the log could not be kept (%s), so the "
                                "file was not opened and was not changed.",
                                "The change log of “%s” is damaged: %u saved changes after the damage "
                                "cannot be read. A copy of the log could not be kept (%s), so the "
                                "file was not opened and was not changed.",
                                info->n_commits_lost),
                   name, info->n_commits_lost, local_error->message);
      return NULL;
    }

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The change log of “%s” was damaged at change %u: %u saved change "
                                       "after the damage could not be read and is missing. A copy of the "
                                       "log was kept as “%s”.",
                                       "The change log of “%s” was damaged at change %u: %u saved changes "
                                       "after the damage could not be read and are missing. A copy of the "
                                       "log was kept as “%s”.",
                                       info->n_commits_lost),
                          name, info->n_commits + 1, info->n_commits_lost, copy_name);
}
