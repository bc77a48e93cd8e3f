"""Sample bundles of the 2023 스마트도시 서비스 인증 (the SERVICE certification, seed 003):
applications drawn from the call's own forms, with truth files and planted defects."""
