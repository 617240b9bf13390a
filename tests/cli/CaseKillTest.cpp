// SPDX-License-Identifier: MIT
// A real `blastline case import`, killed with SIGKILL at many moments of a large import, leaves the case as it was
// before that import or as a finished import leaves it: never anything in between, never a damaged file.
#include "../importers/CloudTrailTestSupport.h"
#include "CliTestSupport.h"

#include "blastline/core/CaseFile.h"
#include "blastline/core/sqlite/Database.h"
#include "blastline/core/sqlite/Statement.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <random>
#include <signal.h>
#include <string>
#include <string_view>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace blastline::test {
namespace {

namespace fs = std::filesystem;
using testing::TemporaryDirectory;

// About 80,000 events: long enough in a debug build for kills to land while the events are read, while the
// transaction writes them, and around the commit.
constexpr int kFiles = 40;
constexpr int kRecordsPerFile = 2000;
constexpr int kKills = 12;
constexpr unsigned kSeed = 20260226;

/**
 * How many kills, and from which seed: 12 from a fixed seed in the suite; a soak run asks for more and for fresh kill
 * points with BLASTLINE_CASE_KILLS=200 BLASTLINE_CASE_KILL_SEED=random (docs/reliability.md has the last one).
 */
int killCount()
{
    const char* text = std::getenv("BLASTLINE_CASE_KILLS");
    const int count = text == nullptr ? kKills : std::atoi(text);
    return count >= 2 ? count - count % 2 : kKills;
}

unsigned killSeed()
{
    const char* text = std::getenv("BLASTLINE_CASE_KILL_SEED");
    if (text == nullptr)
        return kSeed;
    if (std::string_view(text) == "random")
        return std::random_device {}();
    return static_cast<unsigned>(std::strtoul(text, nullptr, 10));
}

/** kFiles gzip files in one folder, each record naming an EC2 instance; every tenth names the state's bastion. */
fs::path writeTrail(const TemporaryDirectory& folder)
{
    for (unsigned file = 0; file < kFiles; ++file) {
        std::string records = R"({"Records":[)";
        for (unsigned i = 0; i < kRecordsPerFile; ++i) {
            const unsigned n = file * kRecordsPerFile + i;
            char time[32];
            std::snprintf(time, sizeof time, "2026-02-26T%02u:%02u:%02uZ", n / 3600, n / 60 % 60, n % 60);
            char eventId[40];
            std::snprintf(eventId, sizeof eventId, "%08x-0000-4000-8000-%012x", n, n);
            char instance[24];
            std::snprintf(instance, sizeof instance, "i-%017x", n);
            const std::string named = n % 10 == 0 ? "i-04919109df58602f4" : instance;
            records += (i ? "," : "")
                + testing::cloudTrailRecord(n % 3 ? "DescribeInstances" : "StopInstances", time, eventId,
                    R"({"instancesSet":{"items":[{"instanceId":")" + named + R"("}]}})");
        }
        records += "]}";
        folder.write("trail/part-" + std::to_string(file) + ".json.gz", testing::gzipped(records));
    }
    return folder.path() / "trail";
}

/** Starts `blastline ARGS...` with its output thrown away. */
pid_t start(const std::vector<std::string>& args)
{
    std::vector<std::string> command {BLASTLINE_EXECUTABLE};
    command.insert(command.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : command)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        // Only async-signal-safe calls between fork and exec.
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        execv(argv[0], argv.data());
        _exit(127);
    }
    return pid;
}

int waitFor(pid_t pid)
{
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) { }
    return status;
}

/** Runs `blastline case import CASE PATH` to its end; its exit code. */
int importCase(const fs::path& casePath, const fs::path& path)
{
    const int status = waitFor(start({"case", "import", casePath.string(), path.string()}));
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/**
 * Waits until the case's WAL file has grown (the import's transaction writes) or the process has ended; true in
 * the first case. Kills timed from this moment land in the writing phase however loaded the machine is.
 */
bool waitUntilWriting(const fs::path& casePath, pid_t pid)
{
    for (;;) {
        std::error_code noWal;
        if (fs::file_size(casePath.string() + "-wal", noWal) > 0 && !noWal)
            return true;
        // WNOWAIT leaves the ended child to be reaped by waitFor; it exists for waitid only.
        siginfo_t info {};
        if (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0 || info.si_pid != 0)
            return false;
        usleep(500);
    }
}

struct ImportTiming
{
    int exitCode = -1;
    double totalMs = 0;
    double writingFromMs = 0; // when the WAL file first grew: the import's transaction began to write pages
};

/** Runs `blastline case import CASE PATH` to its end, watching the case's WAL file grow. */
ImportTiming timeImport(const fs::path& casePath, const fs::path& path)
{
    const auto started = std::chrono::steady_clock::now();
    const auto elapsed = [&] {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    };
    const pid_t pid = start({"case", "import", casePath.string(), path.string()});
    ImportTiming timing;
    int status = 0;
    pid_t done = 0;
    while ((done = waitpid(pid, &status, WNOHANG)) == 0 || (done < 0 && errno == EINTR)) {
        std::error_code noWal;
        if (timing.writingFromMs == 0 && fs::file_size(casePath.string() + "-wal", noWal) > 0 && !noWal)
            timing.writingFromMs = elapsed();
        usleep(2000);
    }
    timing.totalMs = elapsed();
    if (timing.writingFromMs == 0) // too fast to see: split the time evenly
        timing.writingFromMs = timing.totalMs / 2;
    timing.exitCode = done == pid && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return timing;
}

/** What must be all or nothing: the row counts and the evidence rows (what, where, how large, which bytes). */
struct CaseContent
{
    core::CaseCounts counts;
    std::vector<std::string> evidence;
    bool operator==(const CaseContent&) const = default;
};

CaseContent contentOf(const fs::path& casePath)
{
    // Opened for writing, as the next import would: SQLite then recovers whatever a killed writer left behind.
    const core::CaseFile caseFile = core::CaseFile::open(casePath, core::CaseFile::OpenMode::MustExist);
    CaseContent content {caseFile.counts(), {}};
    for (const core::EvidenceRow& row : caseFile.evidence()) {
        content.evidence.push_back(
            std::string(core::toString(row.kind)) + " " + row.path + " " + std::to_string(row.size) + " " + row.sha256);
    }
    return content;
}

/** "ok\n" when SQLite finds the file sound and every foreign key holds. */
std::string integrityOf(const fs::path& casePath)
{
    const core::sqlite::Database database(casePath.string(), core::sqlite::Database::Access::ReadWrite);
    std::string report;
    core::sqlite::Statement integrity(database, "PRAGMA integrity_check");
    while (integrity.step())
        report += integrity.columnText(0) + "\n";
    core::sqlite::Statement foreignKeys(database, "PRAGMA foreign_key_check");
    while (foreignKeys.step())
        report += "foreign key broken in " + foreignKeys.columnText(0) + "\n";
    return report;
}

/**
 * Folds the WAL a killed import left into the case and empties it, so that the next import's first write is
 * what makes it grow (waitUntilWriting).
 */
void settle(const fs::path& casePath)
{
    const core::sqlite::Database database(casePath.string(), core::sqlite::Database::Access::ReadWrite);
    core::sqlite::Statement checkpoint(database, "PRAGMA wal_checkpoint(TRUNCATE)");
    while (checkpoint.step()) { }
}

/** `to` becomes a copy of the closed case `from`, without what an earlier, killed import left next to it. */
void copyCase(const fs::path& from, const fs::path& to)
{
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(to.string() + suffix);
    fs::copy_file(from, to);
}

std::string describe(const core::CaseCounts& counts)
{
    return std::to_string(counts.imports) + " imports, " + std::to_string(counts.evidence) + " evidence, "
        + std::to_string(counts.events) + " events, " + std::to_string(counts.eventResources) + " links";
}

TEST(CaseKill, aKilledImportLeavesTheCaseAsBeforeOrAsAfter)
{
    if (!fs::exists(BLASTLINE_EXECUTABLE))
        GTEST_SKIP() << "no blastline executable at " << BLASTLINE_EXECUTABLE << "; build the blastline target";
    TemporaryDirectory folder;
    const fs::path trail = writeTrail(folder);
    const fs::path base = folder.path() / "base.blcase";
    ASSERT_EQ(importCase(base, sample("datatalks-2026/production.tfstate")), 0);
    const CaseContent before = contentOf(base);
    ASSERT_GT(before.counts.resources, 0U);

    // A whole import of the trail on a copy: what "after" means, and when an import reads and when it writes.
    const fs::path whole = folder.path() / "whole.blcase";
    copyCase(base, whole);
    const ImportTiming timing = timeImport(whole, trail);
    ASSERT_EQ(timing.exitCode, 0);
    const CaseContent after = contentOf(whole);
    ASSERT_EQ(after.counts.events, static_cast<std::uint64_t>(kFiles * kRecordsPerFile));
    ASSERT_GT(after.counts.eventResources, 0U);
    std::printf("case kill: a whole import takes %.0f ms and writes from %.0f ms; before: %s; after: %s\n",
        timing.totalMs, timing.writingFromMs, describe(before.counts).c_str(), describe(after.counts).c_str());

    // Half the kills while the trail is read, half while it is written (where the transaction is at risk), each
    // at a random moment in its share of that phase.
    const int kills = killCount();
    const unsigned seed = killSeed();
    std::printf("case kill: %d kills from seed %u\n", kills, seed);
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> within(0.0, 1.0);
    const fs::path work = folder.path() / "work.blcase";
    copyCase(base, work);
    int killed = 0;
    int writing = 0;
    for (int i = 0; i < kills; ++i) {
        const int kPerPhase = kills / 2;
        const bool reading = i < kPerPhase;
        // Reading: a random moment before the measured start of the writes. Writing: from the moment this run's
        // WAL grows, a random part of the measured writing time, so that a slower machine still kills mid-write.
        const double phaseLength = reading ? timing.writingFromMs : timing.totalMs - timing.writingFromMs;
        const auto delay = static_cast<useconds_t>(1000.0 * phaseLength * (i % kPerPhase + within(random)) / kPerPhase);
        const pid_t pid = start({"case", "import", work.string(), trail.string()});
        if (!reading)
            waitUntilWriting(work, pid);
        usleep(delay);
        kill(pid, SIGKILL);
        const int status = waitFor(pid);
        const bool wasKilled = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
        killed += wasKilled;
        // Pages in the WAL file: the kill landed once the import had begun to write (before or after its commit).
        std::error_code noWal;
        const std::uintmax_t walBytes = fs::file_size(work.string() + "-wal", noWal);
        writing += !noWal && walBytes > 0;

        EXPECT_EQ(integrityOf(work), "ok\n") << "kill " << i;
        const CaseContent found = contentOf(work);
        const bool asBefore = found == before;
        const bool asAfter = found == after;
        const char* state = asBefore ? "as before" : asAfter ? "as after" : "BETWEEN";
        std::printf("case kill %2d %s + %5u ms: %s, %ju KB in the WAL; the case is %s\n", i,
            reading ? "at start" : "at first write", delay / 1000, wasKilled ? "killed" : "had finished",
            noWal ? std::uintmax_t {0} : walBytes / 1024, state);
        EXPECT_TRUE(asBefore || asAfter) << "kill " << i << " after " << delay / 1000 << " ms left "
                                         << describe(found.counts) << ", " << found.evidence.size() << " evidence rows";
        if (!wasKilled) {
            EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "kill " << i;
            EXPECT_TRUE(asAfter) << "kill " << i;
        }
        // The next kill interrupts the same import again; a committed one starts over from the state alone.
        if (asAfter)
            copyCase(base, work);
        else
            settle(work);
    }
    EXPECT_GT(killed, kills / 2) << "most kills should land while the import runs";
    EXPECT_GT(writing, 0) << "no kill landed while the import wrote to the case";

    ASSERT_EQ(importCase(work, trail), 0) << "an import after the kills";
    EXPECT_EQ(integrityOf(work), "ok\n");
    EXPECT_TRUE(contentOf(work) == after);
}

} // namespace
} // namespace blastline::test
