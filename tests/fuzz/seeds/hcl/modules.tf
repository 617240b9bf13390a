terraform {
  required_version = ">= 1.7"
}

module "network" {
  source   = "./modules/network"
  for_each = toset(["a", "b"])
  cidr     = cidrsubnet("10.0.0.0/16", 8, index(["a", "b"], each.key))
}

removed {
  from = aws_s3_bucket.logs
  lifecycle {
    destroy = false
  }
}

locals {
  names = [for s in var.subnets : upper(s.name) if s.public]
  heredoc = <<-EOT
    bucket ${local.prefix}-%{ if var.x }yes%{ else }no%{ endif }
  EOT
}
