// SPDX-License-Identifier: MIT
#include "blastline/core/OperationDurations.h"

#include <utility>

namespace blastline::core {

namespace {

// Order-of-magnitude estimates, not measurements: they follow the providers' default delete timeouts
// and typical AWS behaviour (RDS and ElastiCache wait for the engine to shut down, a NAT gateway for
// its ENI to be released, EC2 for termination). Documented with their basis in docs/destroy-simulation.md.
constexpr std::pair<std::string_view, double> kDeleteSeconds[] = {
    {"aws_rds_cluster", 600},
    {"aws_rds_cluster_instance", 480},
    {"aws_db_instance", 420},
    {"aws_nat_gateway", 60},
    {"aws_ecs_service", 60},
    {"aws_instance", 45},
    {"aws_lb", 30},
    {"aws_alb", 30}, // the older name of aws_lb
    {"aws_vpc", 5},
    {"aws_subnet", 3},
};
// Every ElastiCache cluster, replication group or serverless cache waits for its nodes to go.
constexpr std::string_view kElastiCachePrefix = "aws_elasticache_";
constexpr double kElastiCacheSeconds = 300;
// Most deletes are a single API call that returns at once.
constexpr double kDefaultSeconds = 2;

} // namespace

double OperationDurations::deleteSeconds(std::string_view type) const
{
    for (const auto& [name, seconds] : kDeleteSeconds) {
        if (name == type)
            return seconds;
    }
    if (type.starts_with(kElastiCachePrefix))
        return kElastiCacheSeconds;
    return kDefaultSeconds;
}

} // namespace blastline::core
