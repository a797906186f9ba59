//! The error of the diagnostic native task (`runNativeProbe`).

use s3db_core::pool::{PoolError, TaskFailure};

#[derive(Debug)]
pub(super) enum ProbeError {
    Failed { retryable: bool },
    Pool(PoolError),
}

impl std::fmt::Display for ProbeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProbeError::Failed { .. } => f.write_str("probe failure"),
            ProbeError::Pool(e) => e.fmt(f),
        }
    }
}

impl TaskFailure for ProbeError {
    fn is_retryable(&self) -> bool {
        match self {
            ProbeError::Failed { retryable } => *retryable,
            ProbeError::Pool(e) => e.is_retryable(),
        }
    }
    fn from_pool(error: PoolError) -> Self {
        ProbeError::Pool(error)
    }
    fn name(&self) -> &str {
        match self {
            ProbeError::Failed { .. } => "ProbeError",
            ProbeError::Pool(e) => e.name(),
        }
    }
    fn code(&self) -> Option<String> {
        match self {
            ProbeError::Failed { .. } => None,
            ProbeError::Pool(e) => e.code(),
        }
    }
}
