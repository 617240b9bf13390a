// SPDX-License-Identifier: MIT
#include "blastline/importers/CloudTrailReader.h"

#include "CloudTrailFileReader.h"

#include "blastline/core/Error.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>

namespace blastline::importers {

namespace fs = std::filesystem;

namespace {

bool isTrailFileName(const fs::path& path)
{
    const std::string name = path.filename().string();
    if (name.starts_with("."))
        return false;
    for (std::string_view suffix : {".json", ".json.gz", ".jsonl", ".jsonl.gz", ".gz", ".yml", ".yaml"}) {
        if (name.ends_with(suffix))
            return true;
    }
    return false;
}

bool isHiddenDirectory(const fs::directory_entry& entry)
{
    return entry.is_directory() && entry.path().filename().string().starts_with(".");
}

/** Interns one file's kept records into the trail: under the lock, so kept cheap (no parsing here). */
void addRecords(core::Trail& trail, std::uint32_t input, std::vector<CloudTrailRecord>& records)
{
    for (CloudTrailRecord& record : records) {
        core::TrailEvent event;
        event.timeMs = record.timeMs;
        event.eventClass = record.eventClass;
        event.readOnly = record.readOnly;
        event.input = input;
        event.tool = trail.toolFor(record.userAgent, record.invokedBy, record.sourceIp);
        event.eventId = trail.intern(record.eventId);
        event.eventSource = trail.intern(record.eventSource);
        event.eventName = trail.intern(record.eventName);
        event.eventType = trail.intern(record.eventType);
        event.region = trail.intern(record.region);
        event.account = trail.intern(record.account);
        event.principal = trail.intern(record.principal);
        event.principalType = trail.intern(record.principalType);
        event.sessionIssuer = trail.intern(record.sessionIssuer);
        event.userName = trail.intern(record.userName);
        event.accessKeyId = trail.intern(record.accessKeyId);
        event.sourceIp = trail.intern(record.sourceIp);
        event.userAgent = trail.intern(record.userAgent);
        event.errorCode = trail.intern(record.errorCode);
        event.errorMessage = trail.intern(record.errorMessage);
        event.record = trail.intern(record.record);
        event.identifiers.reserve(record.identifiers.size());
        for (const std::string& identifier : record.identifiers)
            event.identifiers.push_back(trail.intern(identifier));
        event.createdIdentifiers = record.createdIdentifiers;
        event.backupEffects = std::move(record.backupEffects);
        trail.addEvent(std::move(event));
    }
}

void merge(core::Trail& trail, std::uint32_t input, CloudTrailFileReader::FileResult& result)
{
    core::TrailInput& entry = trail.input(input);
    entry.format = result.document.format;
    entry.compressed = result.compressed;
    entry.bytes = result.bytes;
    entry.records = result.document.records;
    entry.kept = result.document.kept.size();
    entry.error = result.error;
    entry.skipped = result.document.skipped;
    entry.warning = result.warning;
    entry.errorOffset = result.document.errorOffset;
    addRecords(trail, input, result.document.kept);
}

} // namespace

std::vector<std::string> CloudTrailReader::expand(const std::vector<std::string>& paths)
{
    std::vector<std::string> files;
    for (const std::string& path : paths) {
        std::error_code error;
        const fs::file_status status = fs::status(path, error);
        if (error || !fs::exists(status))
            throw core::InputError(path + ": no such file or directory");
        if (!fs::is_directory(status)) {
            files.push_back(path);
            continue;
        }
        std::vector<std::string> found;
        fs::recursive_directory_iterator walk(path, fs::directory_options::skip_permission_denied, error);
        for (; !error && walk != fs::recursive_directory_iterator(); walk.increment(error)) {
            if (isHiddenDirectory(*walk)) {
                walk.disable_recursion_pending();
                continue;
            }
            if (walk->is_regular_file() && isTrailFileName(walk->path()))
                found.push_back(walk->path().string());
        }
        if (error)
            throw core::InputError(path + ": cannot list the directory: " + error.message());
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

core::Trail CloudTrailReader::read(const std::vector<std::string>& paths, const CloudTrailReadOptions& options)
{
    const std::vector<std::string> files = expand(paths);
    core::Trail trail;
    std::uint64_t totalBytes = 0;
    for (const std::string& file : files) {
        std::error_code error;
        const std::uintmax_t size = fs::file_size(file, error);
        totalBytes += error ? 0 : size;
        core::TrailInput input;
        input.path = file;
        input.bytes = error ? 0 : size;
        trail.addInput(std::move(input));
    }

    std::mutex lock;
    std::atomic<std::size_t> next {0};
    std::atomic<bool> stop {false};
    std::exception_ptr failure;
    std::uint64_t doneBytes = 0;
    const auto work = [&] {
        try {
            CloudTrailFileReader reader(options);
            for (std::size_t index = next++; index < files.size() && !stop; index = next++) {
                CloudTrailFileReader::FileResult result = reader.readFile(files[index]);
                const std::lock_guard guard(lock);
                merge(trail, static_cast<std::uint32_t>(index), result);
                doneBytes += result.bytes;
                if (options.progress != nullptr) {
                    options.progress->progress("Reading CloudTrail", doneBytes, totalBytes);
                    if (options.progress->isCancelled())
                        stop = true;
                }
            }
        } catch (...) {
            const std::lock_guard guard(lock);
            if (!failure)
                failure = std::current_exception();
            stop = true;
        }
    };

    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    const auto threads = static_cast<unsigned>(
        std::min<std::size_t>(options.threads == 0 ? cores : options.threads, std::max<std::size_t>(files.size(), 1)));
    std::vector<std::thread> workers;
    for (unsigned i = 1; i < threads; ++i)
        workers.emplace_back(work);
    work(); // this thread is a worker too
    for (std::thread& worker : workers)
        worker.join();
    if (failure)
        std::rethrow_exception(failure);
    if (stop)
        throw core::OperationCancelled();
    trail.finish();
    return trail;
}

core::Trail CloudTrailReader::readBytes(
    std::string_view bytes, const std::string& name, const CloudTrailReadOptions& options)
{
    core::Trail trail;
    core::TrailInput entry;
    entry.path = name;
    entry.bytes = bytes.size();
    const std::uint32_t input = trail.addInput(std::move(entry));
    CloudTrailFileReader reader(options);
    CloudTrailFileReader::FileResult result = reader.readBytes(bytes, name);
    merge(trail, input, result);
    trail.finish();
    return trail;
}

} // namespace blastline::importers
